// A min-heap of virtual-time events. Ties at the same time keep the order they were scheduled in.

export interface QueuedEvent<T = unknown> {
  time: number;
  order: number;
  /** Runs the event; its return value is the caller's to interpret. */
  fire: () => T;
  cancelled: boolean;
  /** Who the event belongs to, for the caller's bookkeeping. */
  owner: unknown;
}

export class EventQueue<T = unknown> {
  private heap: QueuedEvent<T>[] = [];
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  schedule(time: number, fire: () => T, owner: unknown = null): QueuedEvent<T> {
    const event: QueuedEvent<T> = { time, order: this.counter++, fire, cancelled: false, owner };
    this.heap.push(event);
    this.up(this.heap.length - 1);
    return event;
  }

  /** Removes and returns the earliest live event, skipping cancelled ones. */
  pop(): QueuedEvent<T> | undefined {
    while (this.heap.length > 0) {
      const top = this.heap[0];
      const last = this.heap.pop()!;
      if (this.heap.length > 0) {
        this.heap[0] = last;
        this.down(0);
      }
      if (!top.cancelled) return top;
    }
    return undefined;
  }

  private less(a: QueuedEvent<T>, b: QueuedEvent<T>): boolean {
    return a.time < b.time || (a.time === b.time && a.order < b.order);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < h.length && this.less(h[l], h[min])) min = l;
      if (r < h.length && this.less(h[r], h[min])) min = r;
      if (min === i) return;
      [h[i], h[min]] = [h[min], h[i]];
      i = min;
    }
  }
}
