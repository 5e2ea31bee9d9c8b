flags: -A amd64
peer: yes
