/** A clock the test moves by hand: reminders, deadlines and lateness without waiting. */
export class TestClock {
  private ms: number;
  constructor(start: string) {
    this.ms = Date.parse(start);
  }
  now = (): Date => new Date(this.ms);
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}
