declaration template quattor/functions/package;

@{ pkg_repl(name, version, arch): the package dict of SELF with name set to version and
   arch, as the package functions of template-library-core do. }
function pkg_repl = {
    if (ARGC < 2 || ARGC > 3) {
        error('usage: pkg_repl(name, version[, arch])');
    };
    name = ARGV[0];
    arch = if (ARGC == 3) ARGV[2] else 'noarch';
    pkgs = if (is_dict(SELF)) SELF else dict();
    key = escape(name);
    if (!exists(pkgs[key])) pkgs[key] = dict();
    entry = pkgs[key];
    entry[escape(ARGV[1])] = dict('arch', list(arch));
    pkgs;
};

@{ pkg_del(name): SELF without the package. }
function pkg_del = {
    pkgs = SELF;
    pkgs[escape(ARGV[0])] = null;
    pkgs;
};
