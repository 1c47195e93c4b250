import { LAO_FONT_FAMILY } from './lao-font';

// Inside the widget's shadow root: the partner page's styles cannot reach in, ours cannot leak out.
export const widgetCss = `
:host { all: initial; }
* { box-sizing: border-box; }
.root {
  --brand: #0b5c7a; --ink: #1b2430; --muted: #5b6776; --line: #d6dce3; --danger: #b91c1c;
  --bg: #f4f6f8; --focus: #f59e0b;
  font-family: '${LAO_FONT_FAMILY}', 'Noto Sans Lao', 'Phetsarath OT', system-ui, sans-serif;
  font-size: 16px; line-height: 1.55; color: var(--ink);
}
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
button { font: inherit; cursor: pointer; border-radius: 8px; border: 1px solid transparent; }
.launcher {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483000;
  background: var(--brand); color: #fff; padding: 12px 18px; border-radius: 999px;
  box-shadow: 0 4px 16px rgba(0,0,0,.25); font-weight: 600;
}
.panel {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483000;
  width: 380px; height: min(640px, calc(100vh - 32px));
  display: flex; flex-direction: column; background: #fff;
  border-radius: 12px; box-shadow: 0 8px 32px rgba(0,0,0,.3); overflow: hidden;
}
@media (max-width: 480px) {
  .panel { inset: 0; width: 100%; height: 100%; border-radius: 0; }
}
.head {
  display: flex; align-items: center; gap: 8px; padding: 10px 12px;
  background: var(--brand); color: #fff;
}
.title { flex: 1; font-weight: 600; font-size: 15px; line-height: 1.3; min-width: 0; }
.ui-lang { background: transparent; color: #fff; border-color: rgba(255,255,255,.6); padding: 4px 8px; font-size: 14px; }
.exit {
  background: var(--danger); color: #fff; font-weight: 700; padding: 8px 12px;
  border: 2px solid #fff; white-space: nowrap;
}
.body { flex: 1; overflow-y: auto; padding: 14px; background: var(--bg); }
.intro { margin: 0 0 12px; }
fieldset { border: 0; margin: 0 0 14px; padding: 0; }
legend, label.q { display: block; font-weight: 600; margin-bottom: 6px; padding: 0; }
.choices { display: flex; flex-wrap: wrap; gap: 6px; }
.choice {
  display: flex; align-items: center; gap: 6px; background: #fff; border: 1px solid var(--line);
  border-radius: 8px; padding: 6px 10px; cursor: pointer;
}
.choice:has(input:checked) { border-color: var(--brand); box-shadow: inset 0 0 0 1px var(--brand); }
.own { color: var(--muted); font-size: 14px; }
input[type=text], textarea {
  font: inherit; width: 100%; padding: 8px 10px; border: 1px solid var(--line); border-radius: 8px;
  background: #fff; color: var(--ink);
}
.advice { background: #fff7ed; border-left: 4px solid #c2410c; padding: 8px 10px; margin: 0 0 12px; }
.error { color: var(--danger); margin: 8px 0; }
.primary { background: var(--brand); color: #fff; padding: 10px 16px; font-weight: 600; }
.secondary { background: #fff; color: var(--ink); border-color: var(--line); padding: 8px 12px; }
.list { display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 85%; padding: 8px 12px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg .who { display: block; font-size: 13px; color: var(--muted); }
.msg.mine { align-self: flex-end; background: #dbeafe; }
.msg.theirs { align-self: flex-start; background: #fff; border: 1px solid var(--line); }
.msg.failed { border: 1px solid var(--danger); }
.note { color: var(--muted); font-size: 14px; text-align: center; margin: 4px 0; }
.status { padding: 6px 12px; background: #fef3c7; font-size: 14px; }
.composer { display: flex; gap: 8px; padding: 10px; border-top: 1px solid var(--line); background: #fff; }
.composer textarea { resize: none; height: 44px; }
.file-input { display: none; }
.attach-button { height: 44px; white-space: nowrap; padding: 0 10px; }
.refusal { padding: 0 10px; }
.foot { display: flex; justify-content: flex-end; padding: 0 10px 10px; background: #fff; }
.linkish { background: none; border: 0; color: var(--danger); text-decoration: underline; padding: 0 4px; }
`;
