object template relative_path_without_prefix;

"hardware/vcpus" = 2;
