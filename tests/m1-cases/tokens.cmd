flags: -A x86 --little-endian
peer: yes
