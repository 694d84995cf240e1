"""bench/report/benchenv.py: what the benchmark runners record about the machine."""
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def machine():
    """(CPU model from /proc/cpuinfo, total memory)."""
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "unknown"
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal"):
                mem = "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
    return cpu, mem


def git_commit():
    """Short HEAD of the repository, noting uncommitted changes to the plugin."""
    try:
        c = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                           capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--", "pass", "include"],
                               capture_output=True, text=True).stdout.strip()
        return c + (" (pass/ modified)" if dirty else "")
    except (subprocess.CalledProcessError, FileNotFoundError):
        return "unknown"


def first_line_of(cmd):
    return subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()[0]
