import PsyregCore
print("psyreg")
