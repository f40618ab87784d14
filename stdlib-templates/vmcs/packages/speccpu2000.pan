@{
Package knowledge: the SPEC CPU2000 benchmark suite, installed from its CD-ROM with its
own `install.sh`; it needs C and Fortran compilers. Use it as
`'/software/knowledge/speccpu2000' = create('vmcs/packages/speccpu2000');`.
}
structure template vmcs/packages/speccpu2000;

'name' = 'speccpu2000';
'version' = '1.3';
'source' = 'iso';
'location' = '/cpu2000';
'requires' = list(
    dict('name', 'gcc', 'relation', '>=', 'version', '3.3'),
    dict('name', 'gfortran')
);
'provides' = list('spec-benchmark');
'conflicts' = list();
'install' = 'sh /media/cdrom/cpu2000/install.sh -d /opt/cpu2000 -u linux-amd64-gcc';
