unique template components/accounts/config;

prefix '/software/components/accounts';
'users' = {
    users = dict();
    foreach (name; uid; SITE_ADMINS) {
        users[name] = dict('uid', uid, 'groups', list('wheel'));
    };
    users;
};
'users' = {
    foreach (name; user; SELF) {
        if (name == 'bob') append(user['groups'], 'dba');
    };
    SELF;
};

bind '/software/components/accounts/users' = structure_user{};
