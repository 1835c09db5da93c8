"""The waiter's own hand-over latency, on the host: from the argv file renamed into place to the
end of the program it execs (true), p50 and p95 over N runs. This is what a warm start
costs in the container at the least; the rest of submit→program start is the server's.

Usage: waiter_latency.py <allgo-waiter> <true> [N]
"""
import os
import subprocess
import sys
import tempfile
import time


def once(waiter, program):
    with tempfile.TemporaryDirectory() as control:
        process = subprocess.Popen([waiter, control], stdout=subprocess.DEVNULL)
        time.sleep(0.05)  # the waiter is waiting on its inotify watch by now
        aside = os.path.join(control, 'argv.new')
        with open(aside, 'wb') as f:
            f.write(program.encode() + b'\0')
        start = time.perf_counter_ns()
        os.rename(aside, os.path.join(control, 'argv'))
        process.wait()
        return (time.perf_counter_ns() - start) / 1e6


if __name__ == '__main__':
    waiter, program = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    times = sorted(once(waiter, program) for _ in range(n))
    print(f'{times[n // 2]:.2f} {times[int(n * 0.95)]:.2f}')
