flags: -A x86
