flags: -A aarch64 -b
peer: yes
