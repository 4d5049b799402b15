def setup(context):
    context.load_modules(["m"])
