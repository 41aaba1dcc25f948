print("asyncviz")
