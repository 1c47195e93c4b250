// A synthesised two-tone ring: no audio file to ship, and it plays as long as the offer stands.
let context: AudioContext | null = null;

/** Call from a click (going available) so the browser lets the ring play later without one. */
export function unlockAudio(): void {
  context ??= new AudioContext();
  void context.resume();
}

export function startRinging(): () => void {
  context ??= new AudioContext();
  const ctx = context;
  void ctx.resume();
  const gain = ctx.createGain();
  gain.gain.value = 0;
  gain.connect(ctx.destination);
  const tones = [440, 480].map((frequency) => {
    const osc = ctx.createOscillator();
    osc.frequency.value = frequency;
    osc.connect(gain);
    osc.start();
    return osc;
  });
  // Lao/UK-style cadence: 0.4 s on, 0.2 s off, 0.4 s on, 2 s off.
  const cadence = () => {
    const t = ctx.currentTime;
    for (const [start, end] of [
      [0, 0.4],
      [0.6, 1.0],
    ] as const) {
      gain.gain.setValueAtTime(0.15, t + start);
      gain.gain.setValueAtTime(0, t + end);
    }
  };
  cadence();
  const timer = setInterval(cadence, 3000);
  return () => {
    clearInterval(timer);
    for (const osc of tones) osc.stop();
    gain.disconnect();
  };
}
