flags: -A x86
files: multi-a.M1 multi-b.M1 multi-c.M1 multi-d.M1
peer: yes
