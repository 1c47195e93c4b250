import { useEffect, useState } from 'react';
import { softphoneConfig, simulatorRings, twilioToken } from '../api/softphone.api';
import { simulatorSoftphone } from '../softphone/simulator-softphone';
import type { TSoftphone, TSoftphoneStatus } from '../softphone/softphone';
import { twilioSoftphone } from '../softphone/twilio-softphone';

/**
 * Starts the softphone the server says to use (Twilio or simulator) for as long as the desk is
 * open. No softphone (status null) when the server offers none: the counsellor uses a mobile.
 */
export function useSoftphone() {
  const [phone, setPhone] = useState<TSoftphone | null>(null);
  const [status, setStatus] = useState<TSoftphoneStatus | null>(null);

  useEffect(() => {
    let cancelled = false;
    let started: TSoftphone | null = null;
    let unsubscribe = () => {};
    void softphoneConfig()
      .then(async (config) => {
        if (cancelled || config.mode === 'none') return;
        started =
          config.mode === 'twilio'
            ? twilioSoftphone(twilioToken)
            : simulatorSoftphone(simulatorRings);
        unsubscribe = started.onStatus(setStatus);
        setPhone(started);
        await started.start();
      })
      .catch(() => setStatus(null));
    return () => {
      cancelled = true;
      unsubscribe();
      started?.stop();
    };
  }, []);

  return {
    status,
    setMuted: (muted: boolean) => phone?.setMuted(muted),
    disconnect: () => phone?.disconnect(),
  };
}
