import { useEffect, useRef, type ReactNode } from 'react';

type TDialogProps = {
  open: boolean;
  title: string;
  onClose?: () => void;
  children: ReactNode;
};

/** Native modal <dialog>: focus trap, Escape and the inert background come from the browser. */
export function Dialog({ open, title, onClose, children }: TDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose?.();
      }}
    >
      <h2 className="dialog__title">{title}</h2>
      {open ? children : null}
    </dialog>
  );
}
