flags:
peer: yes
