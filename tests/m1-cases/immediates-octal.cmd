flags: -A armv7l --little-endian -O
