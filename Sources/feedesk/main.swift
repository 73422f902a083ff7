print("feedesk")
