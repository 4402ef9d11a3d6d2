"""A child process for the reliability tests: writes to a store in a loop and prints every
acknowledged write (``note <i> <id>`` / ``field <i>``) as soon as the call returns.

Usage: python writer_proc.py DB PREFIX [COUNT [GO_FILE]]   (COUNT 0 = until killed)
With GO_FILE it prints ``ready`` once set up and waits for that file before writing,
so several writers start their bursts together.
"""

from __future__ import annotations

import os
import sys
import time

from xxgk_desk.core.loaders.builder import TextBuilder
from xxgk_desk.core.store import Store


def main() -> None:
    db, prefix = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    go = sys.argv[4] if len(sys.argv) > 4 else None
    b = TextBuilder()
    b.start_page(1)
    b.add_block("paragraph", "本学年共受理信息公开申请12件，其中予以公开8件，不予公开2件。" * 5)
    doc = b.build(path="/w.txt", kind="txt", file_sha256="ab" * 32, extractor="test")
    with Store(db, reviewer=prefix, busy_timeout=30) as store:
        store.register_version(doc, "压力测试大学", 2024)
        if go:
            print("ready", flush=True)
            while not os.path.exists(go):
                time.sleep(0.005)
        i = 0
        while count == 0 or i < count:
            start = (i * 7) % (len(doc.text) - 10)
            ch = store.add_note(
                doc, start, start + 6, body=f"{prefix}-{i}", category="other", severity="info"
            )
            print(f"note {i} {ch.id}", flush=True)
            store.set_field(doc, f"counter-{prefix}", value=i)
            print(f"field {i}", flush=True)
            if i % 3 == 0:
                store.update_note(ch.id, status="resolved")
                print(f"status {i} {ch.id}", flush=True)
            i += 1


if __name__ == "__main__":
    main()
