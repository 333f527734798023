"""What was measured, for the report: HEAD's commit and the moto version compared with."""
from .config import ROOT


def commit_id():
    """HEAD's short id, read from .git without running git."""
    git = ROOT / ".git"
    try:
        head = (git / "HEAD").read_text().strip()
        if head.startswith("ref: "):
            ref = head[5:]
            path = git / ref
            if path.exists():
                return path.read_text().strip()[:7]
            packed = git / "packed-refs"
            if packed.exists():
                for line in packed.read_text().splitlines():
                    if line.endswith(" " + ref):
                        return line.split()[0][:7]
            return "unknown"
        return head[:7]
    except OSError:
        return "unknown"


def moto_version():
    try:
        import moto
        return moto.__version__
    except Exception:
        return "?"
