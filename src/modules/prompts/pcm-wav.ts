/**
 * A mono 16-bit PCM WAV (the 44-byte RIFF header Twilio and browsers play) around `count`
 * samples; `sample(i)` gives each as a signed 16-bit value. One writer for the telephone
 * conversion, the demo placeholders and the simulator's recorded "caller".
 */
export function monoPcmWav(rate: number, count: number, sample: (i: number) => number): Buffer {
  const wav = Buffer.alloc(44 + count * 2);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + count * 2, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(count * 2, 40);
  for (let i = 0; i < count; i++) wav.writeInt16LE(sample(i), 44 + i * 2);
  return wav;
}
