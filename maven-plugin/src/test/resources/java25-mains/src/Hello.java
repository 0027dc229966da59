// A compact source file (JEP 512): the class is implicit, named after the file.
void main() {
  IO.println("hello");
}
