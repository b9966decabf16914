import { Gate } from '../../../src/db/database';

const refuse = (running: number, waiting: number) => new Error(`refused: ${running} running, ${waiting} waiting`);
const tick = () => new Promise((r) => setImmediate(r));

describe('Gate (write admission)', () => {
  it('admits `max` at once and the rest in arrival order as places are left', async () => {
    const gate = new Gate(2);
    const order: string[] = [];
    const leaveA = await gate.enter(1000, refuse);
    const leaveB = await gate.enter(1000, refuse);
    const c = gate.enter(1000, refuse).then((leave) => (order.push('c'), leave));
    const d = gate.enter(1000, refuse).then((leave) => (order.push('d'), leave));
    await tick();
    expect(order).toEqual([]);
    expect(gate.stats).toEqual({ running: 2, waiting: 2 });
    leaveB();
    leaveB(); // leaving twice frees one place only
    await tick();
    expect(order).toEqual(['c']);
    expect(gate.stats).toEqual({ running: 2, waiting: 1 });
    leaveA();
    const leaveD = await d;
    expect(order).toEqual(['c', 'd']);
    (await c)();
    leaveD();
    expect(gate.stats).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses one that waited too long, and forgets it', async () => {
    const gate = new Gate(1);
    const leave = await gate.enter(1000, refuse);
    await expect(gate.enter(30, refuse)).rejects.toThrow('refused: 1 running, 0 waiting');
    expect(gate.stats).toEqual({ running: 1, waiting: 0 });
    leave();
    expect(gate.stats).toEqual({ running: 0, waiting: 0 });
    (await gate.enter(10, refuse))();
  });

  it('refuses every waiter at once when asked (the database is unreachable), keeping the holders', async () => {
    const gate = new Gate(1);
    const leaveA = await gate.enter(60_000, refuse);
    const waiters = [gate.enter(60_000, refuse), gate.enter(60_000, refuse)].map((p) => p.then(() => 'admitted', (e: Error) => e.message));
    await tick();
    gate.refuseWaiting(() => new Error('unreachable'));
    expect(await Promise.all(waiters)).toEqual(['unreachable', 'unreachable']);
    expect(gate.stats).toEqual({ running: 1, waiting: 0 });
    leaveA();
    expect(gate.stats).toEqual({ running: 0, waiting: 0 });
  });
});
