flags: -A amd64 --little-endian
