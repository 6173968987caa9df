"""Starts the stand-in binary for the interop scripts beside this file."""

import subprocess


def start(binary, *options):
    """The stand-in's process, started with `options`, and what it prints (`key=value` lines,
    then `ready`): a dict of the values, `authorization_code` a list (one per `--codes`)."""
    process = subprocess.Popen([binary, *options], stdout=subprocess.PIPE, text=True)
    printed = {"authorization_code": []}
    for line in process.stdout:
        line = line.strip()
        if line == "ready":
            return process, printed
        key, _, value = line.partition("=")
        if key == "authorization_code":
            printed[key].append(value)
        else:
            printed[key] = value
    raise SystemExit("the stand-in stopped before it was ready")
