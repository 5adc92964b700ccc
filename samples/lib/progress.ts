// A progress bar on a terminal, plain lines otherwise (logs, pipes, CI).

export class Progress {
  private readonly tty: boolean;
  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stdout,
  ) {
    this.tty = stream.isTTY === true;
  }

  update(done: number, status: string): void {
    if (!this.tty) {
      this.stream.write(`${this.label} ${done}/${this.total}  ${status}\n`);
      return;
    }
    const width = 30;
    const filled = Math.round((width * done) / this.total);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    this.stream.write(`\r${this.label} ${bar} ${done}/${this.total}  ${status}\x1b[K`);
    if (done >= this.total) this.stream.write('\n');
  }
}
