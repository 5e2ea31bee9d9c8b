flags: -A x86
files: err-second-file-a.M1 err-second-file-b.M1
peer: yes
