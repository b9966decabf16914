/** A one-line progress bar on a TTY (stderr), plain lines elsewhere. */
export function progress(label: string, total: number) {
  const tty = process.stderr.isTTY;
  let lastPlain = -1;
  return {
    update(done: number): void {
      if (tty) {
        const width = 30;
        const filled = total ? Math.round((done / total) * width) : width;
        process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      } else {
        const pct = total ? Math.floor((done / total) * 10) : 10;
        if (pct !== lastPlain) {
          lastPlain = pct;
          process.stderr.write(`${label}: ${done}/${total}\n`);
        }
      }
    },
    end(): void {
      if (tty) process.stderr.write('\n');
    },
  };
}
