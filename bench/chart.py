"""Draws a benchmark result's trivial jobs as an SVG bar chart: jobs/s of each series, raw
docker-java beside allgo (and, in a warm-start result, allgo cold and warm); with a warm-start
result, a second panel of submit→done p50, and a third of the paced series' submit→done p50 when
the result has them.

Usage: chart.py <results.md> <chart.svg>. Reads the "Trivial jobs" table the benchmark writes.
"""
import re
import sys

PALETTE = ['#7a7a7a', '#2f6fb0', '#d08a1e', '#3b9a57']


def series(markdown, column=3, title='## Trivial jobs ('):
    values = {}
    section = ''
    for line in markdown.splitlines():
        if line.startswith('## '):
            section = line
        if not section.startswith(title):
            continue
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) >= 6 and re.fullmatch(r'\d+', cells[2]) and cells[0] != 'series':
            values.setdefault(cells[0], {})[int(cells[2])] = float(cells[column].split('/')[0])
    return values


def panel(values, title, unit, x_offset, width, height):
    left, bottom, top = 50, 40, 40
    names = list(values)
    concurrencies = sorted({c for s in values.values() for c in s})
    highest = max(v for s in values.values() for v in s.values()) or 1
    scale = (height - bottom - top - 40) / (highest * 1.1)
    group = (width - left - 20) / max(len(concurrencies), 1)
    parts = [f'<g transform="translate({x_offset},0)">',
             f'<text x="{left}" y="20" font-size="14">{title}</text>',
             f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" stroke="black"/>']
    bar = group * 0.7 / len(names)
    for i, c in enumerate(concurrencies):
        x0 = left + i * group + group * 0.15
        for j, name in enumerate(names):
            value = values[name].get(c, 0.0)
            h = value * scale
            x = x0 + j * bar
            parts.append(f'<rect x="{x:.1f}" y="{height - bottom - h:.1f}" width="{bar - 4:.1f}" height="{h:.1f}" fill="{PALETTE[j % len(PALETTE)]}"/>')
            label = f'{value:.2f}' if unit == '' else f'{value:.0f}'
            parts.append(f'<text x="{x + bar / 2 - 2:.1f}" y="{height - bottom - h - 4:.1f}" text-anchor="middle" font-size="10">{label}</text>')
        parts.append(f'<text x="{x0 + bar * len(names) / 2:.1f}" y="{height - bottom + 16}" text-anchor="middle">concurrency {c}</text>')
    for j, name in enumerate(names):
        parts.append(f'<rect x="{width - 150}" y="{30 + j * 16}" width="10" height="10" fill="{PALETTE[j % len(PALETTE)]}"/>')
        parts.append(f'<text x="{width - 135}" y="{39 + j * 16}">{name}</text>')
    parts.append('</g>')
    return parts


def svg(markdown):
    rates = series(markdown, 3)
    done = series(markdown, 5)
    paced = series(markdown, 5, '## Trivial jobs, paced')
    two = len(rates) > 2
    width, height = 520, 300
    total = width * (3 if paced else 2) if two else width
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="{height}" font-family="sans-serif" font-size="12">']
    title = 'Trivial jobs per second, raw docker-java and allgo'
    parts += panel(rates, title if not two else 'Trivial jobs per second', '', 0, width, height)
    if two:
        parts += panel(done, 'Submit→done p50 (ms)', 'ms', width, width, height)
    if two and paced:
        parts += panel(paced, 'Paced: submit→done p50 (ms)', 'ms', 2 * width, width, height)
    parts.append('</svg>')
    return '\n'.join(parts) + '\n'


if __name__ == '__main__':
    with open(sys.argv[1], encoding='utf-8') as f:
        text = f.read()
    if not series(text):
        sys.exit('no job table in ' + sys.argv[1])
    with open(sys.argv[2], 'w', encoding='utf-8') as f:
        f.write(svg(text))
