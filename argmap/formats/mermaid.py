def read(data, origin="<stdin>"):
    raise NotImplementedError


def write(argmap):
    raise NotImplementedError
