"""Train the sentence event-type classifier (src/dateline/data/model-plover.npz) from the dev files.

Run by a developer from the repo root (reads the dev files in $DATELINE_EVAL_DEV, default ../shared/eval/dev;
never needed at run time):
    .venv/bin/python scripts/train_events.py                 # train on everything, write the packaged model
    .venv/bin/python scripts/train_events.py --check         # classifier-only figures: synthetic->GSR, grouped CV
    .venv/bin/python scripts/train_events.py --folds 5 --out /tmp/folds   # fold models for scripts/cv_events.py

Training data: classify-plover-synthetic (LLM stories with pseudo-labels; the headline and lead
sentence are the example, since the label is the story's main event) and classify-plover-gsr
(hand-coded sentences, weighted up). Deterministic: fixed seed, sorted inputs, liblinear-free solver.
The packaged model also stores `trained_on`: the text hash (`dateline.provenance.text_id`) of every
record it learned from, so that `dateline eval` leaves those records out of its scores.
Needs scikit-learn (pinned in .venv by the developer); the package itself scores with numpy.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import os

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dateline.classifier import LinearModel, features  # noqa: E402
from dateline.provenance import text_id  # noqa: E402

DEV = Path(os.environ.get("DATELINE_EVAL_DEV", ROOT.parent / "shared" / "eval" / "dev"))
FILES = ("classify-plover-synthetic.jsonl", "classify-plover-gsr.jsonl")
SEED = 13
GSR_WEIGHT = 3.0
C = 4.0


def read(name: str) -> list[dict]:
    with open(DEV / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def lead(text: str) -> str:
    """Headline and first body sentence of a synthetic story (the part its label describes)."""
    parts = [p.strip() for p in text.split("\n") if p.strip()]
    title = parts[0] if parts else ""
    body = " ".join(parts[1:])
    body = re.sub(r"^\([^)]*\)\s*--\s*", "", body)
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", body, maxsplit=1)[0] if body else ""
    return f"{title}. {first}"


def synthetic_groups(records: list[dict]) -> list[str]:
    """The headline template of each synthetic story: its label and the title words typical of that label.

    The stories were generated ~12 per template with the countries varied ("Mali Peacekeepers Arrive in
    Azerbaijan"); a fold must hold whole templates or CV would test on near-copies of its training data.
    """
    titles = [re.findall(r"[a-z]+", r["text"].split("\n")[0].lower()) for r in records]
    total = Counter(w for t in titles for w in set(t))
    by_label = Counter((r["labels"][0], w) for r, t in zip(records, titles) for w in set(t))
    out = []
    for r, t in zip(records, titles):
        label = r["labels"][0]
        key = sorted({w for w in t if by_label[(label, w)] >= 5 and by_label[(label, w)] / total[w] >= 0.6})
        out.append(f"{label}:{' '.join(key)}")
    return out


def trained_on() -> list[str]:
    """The text hashes of every record the model learns from, sorted."""
    return sorted({text_id(r["text"]) for name in FILES for r in read(name)})


def examples() -> tuple[list[str], list[str], list[float], list[str]]:
    """Texts, labels, sample weights and CV groups ("syn:<n>" / "gsr:<id>") of the training data."""
    syn, gsr = (read(name) for name in FILES)
    texts, labels, weights, groups = [], [], [], []
    for r, g in zip(syn, synthetic_groups(syn)):
        texts.append(lead(r["text"]))
        labels.append(r["labels"][0])
        weights.append(1.0)
        groups.append(f"syn:{g}")
    for r in gsr:
        texts.append(r["text"])
        labels.append(r["labels"][0])
        weights.append(GSR_WEIGHT)
        groups.append(f"gsr:{r['id']}")
    return texts, labels, weights, groups


def fit(texts, labels, weights, c: float = C) -> dict:
    """Fit tf-idf + multinomial logistic regression; returns the arrays of the packaged model."""
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
    from sklearn.linear_model import LogisticRegression

    vec = CountVectorizer(analyzer=features, min_df=2)
    counts = vec.fit_transform(texts)
    tfidf = TfidfTransformer(sublinear_tf=True)
    x = tfidf.fit_transform(counts)
    clf = LogisticRegression(C=c, max_iter=3000, random_state=SEED)
    clf.fit(x, labels, sample_weight=np.asarray(weights))
    vocab = np.array(vec.get_feature_names_out(), dtype=str)
    coef = clf.coef_.astype(np.float32)
    # Drop features whose weights are all negligible: a smaller file, the same decisions.
    keep = np.abs(coef).max(axis=0) >= 0.02
    return {"vocab": vocab[keep], "idf": tfidf.idf_[keep].astype(np.float32), "coef": coef[:, keep],
            "intercept": clf.intercept_.astype(np.float32), "labels": np.array(clf.classes_, dtype=str)}


def fold_of(groups: list[str], k: int) -> dict[str, int]:
    """Deterministic group -> fold assignment."""
    rng = np.random.default_rng(SEED)
    uniq = sorted(set(groups))
    order = rng.permutation(len(uniq))
    return {uniq[j]: n % k for n, j in enumerate(order)}


def macro_f1(gold, pred) -> tuple[float, float]:
    labels = sorted(set(gold))
    f1s = []
    for l in labels:
        tp = sum(g == l and p == l for g, p in zip(gold, pred))
        fp = sum(g != l and p == l for g, p in zip(gold, pred))
        fn = sum(g == l and p != l for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(g == p for g, p in zip(gold, pred)) / len(gold), sum(f1s) / len(f1s)


def check(k: int, c: float) -> None:
    texts, labels, weights, groups = examples()
    n_syn = sum(g.startswith("syn:") for g in groups)
    model = LinearModel.from_arrays(fit(texts[:n_syn], labels[:n_syn], weights[:n_syn], c))
    pred = [max(model.proba(t).items(), key=lambda kv: kv[1])[0] for t in texts[n_syn:]]
    print("synthetic-only model on GSR (held out): accuracy %.3f macro-F1 %.3f" % macro_f1(labels[n_syn:], pred))
    folds = fold_of(groups, k)
    pred = [None] * len(texts)
    for f in range(k):
        train = [i for i, g in enumerate(groups) if folds[g] != f]
        model = LinearModel.from_arrays(fit([texts[i] for i in train], [labels[i] for i in train], [weights[i] for i in train], c))
        for i, g in enumerate(groups):
            if folds[g] == f:
                pred[i] = max(model.proba(texts[i]).items(), key=lambda kv: kv[1])[0]
    syn = [i for i, g in enumerate(groups) if g.startswith("syn:")]
    gsr = [i for i, g in enumerate(groups) if g.startswith("gsr:")]
    print("%d-fold grouped CV, synthetic leads: accuracy %.3f macro-F1 %.3f" % ((k,) + macro_f1([labels[i] for i in syn], [pred[i] for i in syn])))
    print("%d-fold grouped CV, GSR sentences:   accuracy %.3f macro-F1 %.3f" % ((k,) + macro_f1([labels[i] for i in gsr], [pred[i] for i in gsr])))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="print classifier-only held-out and CV figures")
    ap.add_argument("--folds", type=int, default=0, help="write fold models (trained without fold k) to --out")
    ap.add_argument("--out", default=str(ROOT / "src" / "dateline" / "data" / "model-plover.npz"))
    ap.add_argument("-C", type=float, default=C)
    args = ap.parse_args()
    if args.check:
        check(5, args.C)
        return
    texts, labels, weights, groups = examples()
    if args.folds:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        folds = fold_of(groups, args.folds)
        assignment = {}
        for f in range(args.folds):
            train = [i for i, g in enumerate(groups) if folds[g] != f]
            np.savez_compressed(out / f"fold{f}.npz", **fit([texts[i] for i in train], [labels[i] for i in train], [weights[i] for i in train], args.C))
        syn, gsr = (read(name) for name in FILES)
        for r, g in zip(syn + gsr, groups):
            assignment[r["id"]] = folds[g]
        (out / "folds.json").write_text(json.dumps(assignment))
        print(f"wrote {args.folds} fold models and folds.json to {out}")
        return
    arrays = fit(texts, labels, weights, args.C)
    arrays["trained_on"] = np.array(trained_on(), dtype=str)
    np.savez_compressed(args.out, **arrays)
    print(f"wrote {args.out}: {len(arrays['vocab'])} features x {len(arrays['labels'])} labels")


if __name__ == "__main__":
    main()
