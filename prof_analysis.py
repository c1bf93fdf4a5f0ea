import cProfile, pstats, time, sys
from pathlib import Path
from compare_tui.core.align import AlignOptions, align
from compare_tui.core.analysis import analyse
from compare_tui.core.loading import load_sources
from compare_tui.core.segment import segment_article
SEED = Path("/work/main/sample_data/zelensky-security-guarantees")
arts = load_sources([SEED]).articles
seg = tuple(segment_article(a) for a in arts)
rows = align(seg, options=AlignOptions())
analyse(seg, rows)
best = 1e9
for _ in range(300):
    c = time.process_time(); analyse(seg, rows); best = min(best, time.process_time()-c)
print("analysis cpu best ms", best*1000)
b2=1e9
for _ in range(100):
    c = time.process_time(); s=tuple(segment_article(a) for a in arts); align(s, options=AlignOptions()); b2=min(b2,time.process_time()-c)
print("seg+align cpu best ms", b2*1000)
if len(sys.argv)>1:
    pr = cProfile.Profile(); pr.enable()
    for _ in range(200): analyse(seg, rows)
    pr.disable()
    pstats.Stats(pr).sort_stats(sys.argv[1]).print_stats(45)
