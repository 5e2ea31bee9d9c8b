--architecture knight-native
# upstream-undefined
