"""Draws the jobs/s of a benchmark result as an SVG bar chart, raw docker-java beside allgo.

Usage: chart.py <results.md> <chart.svg>. Reads the "Trivial jobs" table the benchmark writes.
"""
import re
import sys


def series(markdown):
    rates = {}
    section = ''
    for line in markdown.splitlines():
        if line.startswith('## '):
            section = line
        if not section.startswith('## Trivial jobs'):
            continue
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) >= 4 and cells[0] in ('raw docker-java', 'allgo REST') and re.fullmatch(r'\d+', cells[2]):
            rates.setdefault(cells[0], {})[int(cells[2])] = float(cells[3])
    return rates


def svg(rates):
    width, height, left, bottom, top = 520, 300, 50, 40, 40
    concurrencies = sorted(rates.get('raw docker-java', {}))
    highest = max(v for s in rates.values() for v in s.values())
    scale = (height - bottom - top) / (highest * 1.1)
    group = (width - left - 20) / max(len(concurrencies), 1)
    colours = {'raw docker-java': '#7a7a7a', 'allgo REST': '#2f6fb0'}
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
             f'<text x="{left}" y="20" font-size="14">Trivial jobs per second, raw docker-java and allgo</text>',
             f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" stroke="black"/>']
    for i, c in enumerate(concurrencies):
        x0 = left + i * group + group * 0.15
        bar = group * 0.35
        for j, name in enumerate(('raw docker-java', 'allgo REST')):
            value = rates.get(name, {}).get(c, 0.0)
            h = value * scale
            x = x0 + j * bar
            parts.append(f'<rect x="{x:.1f}" y="{height - bottom - h:.1f}" width="{bar - 4:.1f}" height="{h:.1f}" fill="{colours[name]}"/>')
            parts.append(f'<text x="{x + bar / 2 - 2:.1f}" y="{height - bottom - h - 4:.1f}" text-anchor="middle">{value:.2f}</text>')
        parts.append(f'<text x="{x0 + bar:.1f}" y="{height - bottom + 16}" text-anchor="middle">concurrency {c}</text>')
    for j, name in enumerate(('raw docker-java', 'allgo REST')):
        parts.append(f'<rect x="{width - 170}" y="{30 + j * 16}" width="10" height="10" fill="{colours[name]}"/>')
        parts.append(f'<text x="{width - 155}" y="{39 + j * 16}">{name}</text>')
    parts.append('</svg>')
    return '\n'.join(parts) + '\n'


if __name__ == '__main__':
    with open(sys.argv[1], encoding='utf-8') as f:
        rates = series(f.read())
    if not rates:
        sys.exit('no job table in ' + sys.argv[1])
    with open(sys.argv[2], 'w', encoding='utf-8') as f:
        f.write(svg(rates))
