flags: -A knight-native
