"""compiled(pattern, flags): one compiled pattern per distinct source, cached for the run.

The regex module caches patterns too, but each lookup there costs flag arithmetic on enums;
on the extraction path it was a third of the time.
"""
from __future__ import annotations

import functools

import regex


@functools.lru_cache(maxsize=None)
def compiled(pattern: str, flags: int = 0) -> regex.Pattern:
    return regex.compile(pattern, flags)
