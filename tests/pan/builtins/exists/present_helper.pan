template present_helper;
