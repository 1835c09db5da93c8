"""Summarises the CPU samples of a Java Flight Recording as a Markdown table.

Usage: jfr_top.py <recording.jfr> <max rows> [--by-entry]. For each frame of allgo, of the JPA
provider, of the JDBC driver, of JSON-B, of JAX-RS and of the web container's security and access
log, the share of samples whose stack holds it (inclusive time), the largest first. With
--by-entry, the share of each thread pool and the allgo method it entered first (the outermost allgo
frame of the stack): what the server was doing, for whom.
"""
import collections
import re
import subprocess
import sys

INTERESTING = re.compile(
    r'^org\.allgo\.(?!.*\$Proxy|.*__EJB31_Generated)'
    r'|AbstractSession\.executeQuery$|ClientPreparedStatement\.executeQuery$'
    r'|yasson\.internal\.JsonBinding\.toJson$|ServerRuntime\.process$'
    r'|AuthenticatorBase\.invoke$|PEAccessLogValve\.postInvoke$|JsonGeneratorImpl\.close$')


def samples_of(path, depth):
    text = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', str(depth), path],
                          capture_output=True, text=True, check=True).stdout
    return text.split('jdk.ExecutionSample')[1:]


def by_entry(path, rows):
    entries = collections.Counter()
    samples = 0
    for event in samples_of(path, 256):
        frames = re.findall(r'^\s+([\w$.<>]+)\(', event, re.M)
        if not frames:
            continue
        samples += 1
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        pool = re.sub(r'[-\d() ]+$|\(pool #\d+\): worker.*$', '', thread.group(1)) if thread else '?'
        allgo = [f for f in frames if f.startswith('org.allgo.') and '$Proxy' not in f and '__EJB' not in f]
        entries[(pool.strip(), allgo[-1] if allgo else '(outside allgo)')] += 1
    print(f'CPU samples: {samples}.')
    print()
    print('| thread | entered allgo at | share of samples |')
    print('|---|---|---|')
    for (pool, entry), count in entries.most_common(rows):
        print(f'| {pool} | `{entry}` | {100.0 * count / max(samples, 1):.0f} % |')


def main(path, rows):
    inclusive = collections.Counter()
    samples = 0
    for event in samples_of(path, 96):
        frames = set(re.findall(r'^\s+([\w$.<>]+)\(', event, re.M))
        if not frames:
            continue
        samples += 1
        inclusive.update(f for f in frames if INTERESTING.search(f))
    print(f'CPU samples: {samples}.')
    print()
    print('| frame | share of samples |')
    print('|---|---|')
    for frame, count in inclusive.most_common(rows):
        print(f'| `{frame}` | {100.0 * count / max(samples, 1):.0f} % |')


if __name__ == '__main__':
    (by_entry if '--by-entry' in sys.argv[3:] else main)(sys.argv[1], int(sys.argv[2]))
