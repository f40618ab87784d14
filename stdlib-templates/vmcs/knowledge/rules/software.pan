@{
Knowledge-center rules about software (`/software`).
}
declaration template vmcs/knowledge/rules/software;

include 'vmcs/functions';

@documentation{
`vmcs_version_compare(a, b)`: -1, 0 or 1 as version `a` is lower than, equal to or higher
than `b`, comparing the dot-separated parts numerically when both are numbers.
}
function vmcs_version_compare = {
    a = split('[.+~:-]', ARGV[0]);
    b = split('[.+~:-]', ARGV[1]);
    i = 0;
    while (i < length(a) || i < length(b)) {
        x = '0';
        y = '0';
        if (i < length(a)) x = a[i];
        if (i < length(b)) y = b[i];
        if (match(x, '^[0-9]{1,15}$') && match(y, '^[0-9]{1,15}$')) {
            xn = to_long(x);
            yn = to_long(y);
            if (xn < yn) return(-1);
            if (xn > yn) return(1);
        } else {
            if (x < y) return(-1);
            if (x > y) return(1);
        };
        i = i + 1;
    };
    0;
};

@documentation{
`vmcs_version_satisfies(version, relation, wanted)`: does `version` satisfy
`relation wanted` (Debian relations)?
}
function vmcs_version_satisfies = {
    c = vmcs_version_compare(ARGV[0], ARGV[2]);
    r = ARGV[1];
    if (r == '>=' || r == '>') return(c >= 0);
    if (r == '<=' || r == '<') return(c <= 0);
    if (r == '>>') return(c > 0);
    if (r == '<<') return(c < 0);
    c == 0;
};

@documentation{
Rule `sw.iso-without-cdrom`: software installed from a CD-ROM (`source` `iso`) needs a
CD-ROM device.
Suggestion: map a CD-ROM to the suite's ISO (fix: `/hardware/cdroms` = one `hdc` device).
}
function vmcs_rule_iso_cdrom = {
    if (length(value('/hardware/cdroms')) > 0) return(true);
    sw = value('/software');
    foreach (part; entries; dict('packages', sw['packages'], 'knowledge', sw['knowledge'])) {
        foreach (k; e; entries) {
            if (e['source'] == 'iso') {
                suite = value('/system/os/suite');
                iso = '/srv/vmcs/iso/' + suite + '.iso';
                if (is_defined(VMCS_SUITES[suite])) iso = VMCS_SUITES[suite]['iso'];
                vmcs_rule_fail('sw.iso-without-cdrom',
                    format("%s is installed from a CD-ROM (source 'iso') but the VM has no CD-ROM", e['name']),
                    '/hardware/cdroms',
                    'add a CD-ROM device mapped to the ISO that holds it',
                    '/hardware/cdroms', list(dict('device', 'hdc', 'iso', iso)));
            };
        };
    };
    true;
};

@documentation{
Rule `sw.suite-conflict`: a package listed in `VMCS_SUITE_CONFLICTS` for the chosen suite
cannot be installed.
Suggestion: drop it and ask for the replacement (fix: the package = null).
}
function vmcs_rule_suite_conflict = {
    suite = value('/system/os/suite');
    if (!is_defined(VMCS_SUITE_CONFLICTS[suite])) return(true);
    bad = VMCS_SUITE_CONFLICTS[suite];
    foreach (k; p; value('/software/packages')) {
        if (is_defined(bad[p['name']])) {
            why = bad[p['name']];
            vmcs_rule_fail_delete('sw.suite-conflict',
                format('%s cannot be installed on %s: %s', p['name'], suite, why['reason']),
                '/software/packages/' + k,
                format("remove it and ask for %s instead", why['instead']),
                '/software/packages/' + k);
        };
    };
    true;
};

@documentation{
Rule `sw.knowledge-missing`: a package from a CD-ROM or a host directory (`source` `iso` or
`dir`) needs a knowledge entry (`/software/knowledge/NAME`) saying where it is and how to
install it.
Suggestion: include its knowledge template (`vmcs/packages/NAME`), or write one.
}
function vmcs_rule_knowledge_missing = {
    kn = value('/software/knowledge');
    foreach (k; p; value('/software/packages')) {
        if ((p['source'] == 'iso' || p['source'] == 'dir') && !is_defined(kn[k])) {
            vmcs_rule_fail('sw.knowledge-missing',
                format("%s comes from source '%s' but /software/knowledge/%s does not say how to install it", p['name'], p['source'], k),
                '/software/packages/' + k,
                format("add '/software/knowledge/%s' = create('vmcs/packages/%s') or write its knowledge entry", k, k));
        };
    };
    true;
};

@documentation{
Rule `sw.requires-missing`: everything a knowledge entry `requires` must be asked for too.
This is the Pan form of V-MCS's `valid "/packages/gcc/version" >= "3.3"`.
Suggestion: ask for the required package (fix: `/software/packages/NAME` = a request with
the required relation and version).
}
function vmcs_rule_requires_missing = {
    pk = value('/software/packages');
    foreach (k; e; value('/software/knowledge')) {
        foreach (i; r; e['requires']) {
            rk = r['name'];
            if (!is_defined(pk[rk])) {
                req = dict('name', r['name'], 'source', 'apt');
                if (is_defined(r['version'])) {
                    req['version'] = r['version'];
                    req['relation'] = '>=';
                    if (is_defined(r['relation'])) req['relation'] = r['relation'];
                };
                vmcs_rule_fail('sw.requires-missing',
                    format('%s requires %s, which is not asked for', e['name'], r['name']),
                    '/software/packages',
                    format('add %s to /software/packages', r['name']),
                    '/software/packages/' + rk, req);
            };
        };
    };
    true;
};

@documentation{
Rule `sw.requires-version`: a package asked for with a version must satisfy the version a
knowledge entry requires of it (`requires` with `relation` and `version`).
Suggestion: ask for the required version (fix: the package's `version`).
}
function vmcs_rule_requires_version = {
    pk = value('/software/packages');
    foreach (k; e; value('/software/knowledge')) {
        foreach (i; r; e['requires']) {
            rk = r['name'];
            if (is_defined(pk[rk]) && is_defined(r['version']) && is_defined(pk[rk]['version'])) {
                rel = '>=';
                if (is_defined(r['relation'])) rel = r['relation'];
                if (!vmcs_version_satisfies(pk[rk]['version'], rel, r['version'])) {
                    p = '/software/packages/' + rk + '/version';
                    vmcs_rule_fail('sw.requires-version',
                        format('%s requires %s %s %s, but version %s is asked for', e['name'], r['name'], rel, r['version'], pk[rk]['version']),
                        p, format('ask for %s %s %s', r['name'], rel, r['version']), p, r['version']);
                };
            };
        };
    };
    true;
};

@documentation{
`vmcs_service_key(service)`: the key of a service in `VMCS_SERVICE_PACKAGES` and
`/system/units`: the name without `.service`; for an instance of a template unit
(`getty@tty1`) the template's name up to the `@`, escaped (`escape('getty@')`); any other
name that is not a valid Pan key, escaped.
}
function vmcs_service_key = {
    n = ARGV[0];
    if (match(n, '[.]service$')) n = substr(n, 0, length(n) - 8);
    m = matches(n, '^([^@]*@)');
    if (length(m) > 1) n = m[1];
    if (match(n, '^[a-zA-Z0-9_.][a-zA-Z0-9_.+-]*$')) return(n);
    escape(n);
};

@documentation{
`vmcs_installed_packages()`: the names of the packages the guest will have, as a dict
from name to true: those asked for (`/software/packages`), the resolved set
(`/software/resolved`, when `vmcs deps` filled it) and `VMCS_BASE_PACKAGES`.
}
function vmcs_installed_packages = {
    have = dict();
    foreach (i; n; VMCS_BASE_PACKAGES) {
        have[escape(n)] = true;
    };
    foreach (k; p; value('/software/packages')) {
        have[escape(p['name'])] = true;
    };
    foreach (i; p; value('/software/resolved')) {
        have[escape(p['name'])] = true;
    };
    have;
};

@documentation{
Rule `sw.service-without-unit`: every service of `/system/services` must have a unit:
defined in `/system/units`, or shipped by a package the guest gets, according to
`VMCS_SERVICE_PACKAGES`.
Suggestion: add the first package that provides it (fix: `/software/packages/NAME`); for a
service the knowledge center does not know, define it in `/system/units` or add its
package to the table in `vmcs/site/knowledge`.
}
function vmcs_rule_service_unit = {
    units = value('/system/units');
    have = vmcs_installed_packages();
    foreach (i; s; value('/system/services')) {
        k = vmcs_service_key(s);
        if (!is_defined(units[k])) {
            if (!is_defined(VMCS_SERVICE_PACKAGES[k])) {
                vmcs_rule_fail('sw.service-without-unit',
                    format("the service '%s' is enabled, but no package in the profile is known to provide it and /system/units does not define it", s),
                    '/system/services',
                    format("define it in /system/units/%s, or add the package that ships its unit to /software/packages (and, for the knowledge center, to VMCS_SERVICE_PACKAGES in vmcs/site/knowledge)", k));
            };
            pkgs = VMCS_SERVICE_PACKAGES[k];
            found = false;
            foreach (j; p; pkgs) {
                if (is_defined(have[escape(p)])) found = true;
            };
            if (!found) {
                names = '';
                foreach (j; p; pkgs) {
                    if (names != '') names = names + ', ';
                    names = names + p;
                };
                vmcs_rule_fail('sw.service-without-unit',
                    format("the service '%s' is enabled, but none of the packages that provide it (%s) is asked for", s, names),
                    '/system/services',
                    format("add %s to /software/packages, or stop enabling %s", pkgs[0], s),
                    '/software/packages/' + pkgs[0], vmcs_package(pkgs[0]));
            };
        };
    };
    true;
};
