// The drop-in command lines of hex2 and M1: every flag of mescc-tools 1.7.0 with its defaults,
// warnings and exit statuses, plus --engine=fast|reference. The mains only call these.
#pragma once

namespace hexproof {

int hex2_main(int argc, char** argv);
int m1_main(int argc, char** argv);

}  // namespace hexproof
