flags: -A ppc64le -b
