template lib/tools/helper;
'/helper' = TEMPLATE;
'/helper_object' = OBJECT;
