"""What extract-eval aims at, kept apart from the evaluation so that the command's help starts at once."""

AIMS = {"recall": 0.95, "precision": 0.85, "kind_accuracy": 0.90, "metric_top1": 0.70}
LABELS = {"recall": "recall", "precision": "precision", "kind_accuracy": "kind accuracy", "metric_top1": "metric top-1"}


def aims_text(met: dict[str, bool] | None = None) -> str:
    """'recall ≥ 95%, precision ≥ 85% …', each followed by met or NOT met when given."""
    verdict = (lambda name: " met" if met[name] else " NOT met") if met is not None else (lambda name: "")
    return ", ".join(f"{LABELS[name]} ≥ {aim:.0%}{verdict(name)}" for name, aim in AIMS.items())
