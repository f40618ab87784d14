@{
The software of a VM (`/software`) and the package knowledge schema.
}
declaration template vmcs/schema/software;

include 'vmcs/schema/basic';

@documentation{
A package the user asks for: its Debian `name`, an optional `version` with its `relation`
(`>=` when absent) and where it comes from (`source`, `apt` by default). Keys of
`/software/packages` are the package names (Debian names are valid Pan keys, `g++`
included).
}
type vmcs_package_request = {
    'name' : string with match(SELF, '^[a-z0-9][a-z0-9+.-]*$')
    'version' ? string
    'relation' ? vmcs_relation
    'source' : vmcs_source = 'apt'
};

@documentation{
A dependency or conflict of a package: a `name`, optionally restricted by a `relation` and
a `version`. This is the Pan form of V-MCS's `valid "/packages/gcc/version" >= "3.3"`.
}
type vmcs_requirement = {
    'name' : string
    'relation' ? vmcs_relation
    'version' ? string
};

@documentation{
What the knowledge center knows about a package that no archive index describes (a
benchmark on a CD-ROM, a tarball in a host directory): `name`, `version`, `source`, its
`location` (path inside the CD-ROM or host directory), what it `requires`, `provides` and
`conflicts` with, and the shell command that `install`s it inside the guest root.
}
type vmcs_package_knowledge = {
    'name' : string
    'version' : string
    'source' : vmcs_source = 'apt'
    'location' ? string
    'requires' : vmcs_requirement[] = list()
    'provides' : string[] = list()
    'conflicts' : vmcs_requirement[] = list()
    'install' ? string
};

@documentation{
One package of the resolved set, written by the dependency resolver (`vmcs deps`), in
install order.
}
type vmcs_resolved_package = {
    'name' : string
    'version' : string
    'arch' : string
    'source' : vmcs_source
    'requested' : boolean
    'pulled_in_by' : string[] = list()
    'order' : long(0..)
};

@documentation{
A Debian archive the guest installs from (a line of its `sources.list`): the archive's
`uri` (`http://` or `https://`), the `suite` (`bookworm`, `bookworm-updates`...) and its
`components` (default `main`).
}
type vmcs_repository = {
    'uri' : string with match(SELF, '^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%+/-]*)?$')
    'suite' : string with match(SELF, '^[a-z0-9-]+$')
    'components' : string[] = list('main') with length(SELF) > 0 && vmcs_all_match(SELF, '^[a-z0-9][a-z0-9-]*$')
};

@documentation{
The software: the `repositories` the guest installs from (empty: the suite defaults, the
OS mirror with `SUITE` and `SUITE-updates` and the Debian security archive with
`SUITE-security`, all `main`; `vmcs_default_repositories` returns that list), the
packages asked for (by name), the package knowledge written in Pan (by name) and the
resolved set (empty until `vmcs deps` fills it). Packages are resolved against the
guest's repositories.
}
type vmcs_software = {
    'repositories' : vmcs_repository[] = list()
    'packages' : vmcs_package_request{} = dict()
    'knowledge' : vmcs_package_knowledge{} = dict()
    'resolved' : vmcs_resolved_package[] = list()
};
