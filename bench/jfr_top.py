"""Summarises the CPU samples of a Java Flight Recording as a Markdown table.

Usage: jfr_top.py <recording.jfr> <max rows>. For each frame of allgo, of the JPA provider, of the
JDBC driver, of JSON-B, of JAX-RS and of the web container's security and access log, the share of
samples whose stack holds it (inclusive time), the largest first.
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


def main(path, rows):
    text = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '96', path],
                          capture_output=True, text=True, check=True).stdout
    inclusive = collections.Counter()
    samples = 0
    for event in text.split('jdk.ExecutionSample')[1:]:
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
    main(sys.argv[1], int(sys.argv[2]))
