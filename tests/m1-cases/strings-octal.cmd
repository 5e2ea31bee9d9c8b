flags: -A x86 -O
peer: yes
