#!/usr/bin/env python3
"""Start to first frame of two pasos binaries, alternating, in a pseudo-terminal.

    python3 bench/first-frame-ab.py OLD_PASOS NEW_PASOS PROCEDURE.toml ROUNDS

Each round starts `OLD run PROCEDURE` and `NEW run PROCEDURE` at 120x40 with
an empty data dir and stops at the first bytes that hold the procedure's id
(`PROC-BENCH-001`), then kills it. Alternating the two keeps a shared,
noisy machine's load out of the comparison. The 500-step procedure of
`cargo bench --bench tui_terminal` is written to a file with
`PASOS_BENCH_WRITE_PROCEDURE=/tmp/big500.toml cargo bench --bench tui_terminal`.
"""
import os, pty, sys, time, select, tempfile, struct, fcntl, termios, signal, statistics, subprocess
def first_frame(binary, proc):
    data = tempfile.mkdtemp()
    env = dict(os.environ, PASOS_DATA_DIR=data, TERM="xterm-256color", LANG="en_US.UTF-8", PASOS_VAR_DB_PASSWORD="bench-pw-1")
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.execve(binary, [binary, "run", proc], env)
    buf = b""
    while True:
        r, _, _ = select.select([fd], [], [], 5)
        if not r: t = None; break
        try: chunk = os.read(fd, 65536)
        except OSError: t = None; break
        buf += chunk
        if b"PROC-BENCH-001" in buf:
            t = (time.perf_counter() - t0) * 1000; break
    os.kill(pid, signal.SIGKILL); os.waitpid(pid, 0); os.close(fd)
    subprocess.run(["rm", "-rf", data])
    return t
old, new, proc = sys.argv[1], sys.argv[2], sys.argv[3]
res = {"old": [], "new": []}
for i in range(int(sys.argv[4])):
    for k, b in (("old", old), ("new", new)):
        res[k].append(first_frame(b, proc))
for k in res:
    v = [x for x in res[k] if x]
    print(k, "median %.1f ms" % statistics.median(v), "min %.1f" % min(v), "max %.1f" % max(v), "n", len(v))
