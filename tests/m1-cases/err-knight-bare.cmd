flags:
