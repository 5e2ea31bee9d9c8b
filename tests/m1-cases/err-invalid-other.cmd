flags: -A x86
peer: yes
